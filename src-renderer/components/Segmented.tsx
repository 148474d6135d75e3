/**
 * A row of joined buttons choosing one of a few values (`.segmented`). `kind` says what the row is
 * to assistive technology: toggle buttons (the default), a radio group, or the tabs of a page.
 */
interface SegmentedProps<V extends string> {
  options: readonly V[];
  /** the chosen value (one outside `options`, such as a custom range, marks none) */
  value: string;
  onChange(value: NoInfer<V>): void;
  labelOf(value: NoInfer<V>): string;
  /** the group's accessible name */
  label?: string;
  kind?: 'buttons' | 'radio' | 'tabs';
  /** classes added to `segmented` */
  className?: string;
  testIdOf?(value: NoInfer<V>): string;
}

const GROUP_ROLE = { buttons: 'group', radio: 'radiogroup', tabs: 'tablist' } as const;

export function Segmented<V extends string>({
  options,
  value,
  onChange,
  labelOf,
  label,
  kind = 'buttons',
  className,
  testIdOf,
}: SegmentedProps<V>) {
  return (
    <div
      className={className ? `segmented ${className}` : 'segmented'}
      role={GROUP_ROLE[kind]}
      aria-label={label}
    >
      {options.map((option) => {
        const active = option === value;
        const state =
          kind === 'radio'
            ? { role: 'radio', 'aria-checked': active }
            : kind === 'tabs'
              ? { role: 'tab', 'aria-selected': active }
              : { 'aria-pressed': active };
        return (
          <button
            key={option}
            type="button"
            {...state}
            className={active ? 'segmented__item is-active' : 'segmented__item'}
            onClick={() => onChange(option)}
            data-testid={testIdOf?.(option)}
          >
            {labelOf(option)}
          </button>
        );
      })}
    </div>
  );
}
