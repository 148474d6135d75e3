/** A labelled team picker: "all" (or "the floor") first when the caller allows no team, then each team. */
interface TeamSelectProps {
  label: string;
  teams: readonly { id: number; name: string }[];
  value: number | null;
  onChange(teamId: number | null): void;
  /** the label of the empty choice (every team); absent: a team must be chosen */
  allLabel?: string;
  /** the field's classes (`field` and its modifiers) */
  fieldClassName?: string;
  /** the select's class (`select` or `input`) */
  selectClassName?: string;
  testId?: string;
}

export function TeamSelect({
  label,
  teams,
  value,
  onChange,
  allLabel,
  fieldClassName = 'field',
  selectClassName = 'select',
  testId,
}: TeamSelectProps) {
  return (
    <label className={fieldClassName}>
      <span className="field__label">{label}</span>
      <select
        className={selectClassName}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
        data-testid={testId}
      >
        {allLabel === undefined ? null : <option value="">{allLabel}</option>}
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
    </label>
  );
}
