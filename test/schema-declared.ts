/**
 * What src-main/db/schema.ts declares, read with the TypeScript compiler: per table of the
 * `Database` interface, its columns and whether each may be null (`| null`, also inside
 * Kysely's `Generated<…>`). The schema test compares this with the live databases.
 */
import path from 'node:path';
import ts from 'typescript';

export interface DeclaredColumn {
  name: string;
  nullable: boolean;
  /** what it holds besides null: numbers, strings (string literal unions included) or a mix */
  holds: 'number' | 'string' | 'mixed';
}

export function declaredTables(schemaFile: string): Map<string, DeclaredColumn[]> {
  const program = ts.createProgram([schemaFile], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(path.resolve(schemaFile));
  if (!source) throw new Error(`${schemaFile} cannot be read`);
  const database = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Database',
  );
  if (!database) throw new Error(`${schemaFile} has no interface Database`);

  const tables = new Map<string, DeclaredColumn[]>();
  for (const table of checker.getPropertiesOfType(checker.getTypeAtLocation(database))) {
    const tableType = checker.getTypeOfSymbol(table);
    tables.set(
      table.name,
      checker.getPropertiesOfType(tableType).map((column) => {
        const type = selectType(checker, checker.getTypeOfSymbol(column));
        const parts = type.isUnion() ? type.types : [type];
        const values = parts.filter((t) => (t.flags & ts.TypeFlags.Null) === 0);
        const all = (flag: ts.TypeFlags) => values.every((t) => (t.flags & flag) !== 0);
        return {
          name: column.name,
          nullable: values.length < parts.length,
          holds: all(ts.TypeFlags.NumberLike) ? 'number' : all(ts.TypeFlags.StringLike) ? 'string' : 'mixed',
        };
      }),
    );
  }
  return tables;
}

/** The type a column reads as: `Generated<T>` / `ColumnType<S, …>` carry it as `__select__`. */
function selectType(checker: ts.TypeChecker, type: ts.Type): ts.Type {
  const select = type.getProperty('__select__');
  return select ? checker.getTypeOfSymbol(select) : type;
}
