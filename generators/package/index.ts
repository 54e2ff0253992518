// package: emits package.json and README.md at the root of the build, which make the built folder an npm package,
// from the catalogue's id, version and label and the files the json-schema, typescript, validators, code-lists and concept-maps generators wrote,
// for system vendors who install the schemas, types, validators and code lists with npm (`npm pack` on the folder gives the tarball).
import type { Catalogue, GeneratedFile, Generator, GeneratorContext } from '../../src/index.js';
import { isLargeClassification, typeName } from '../typescript/index.js';
import { validatorName } from '../validators/index.js';

/** The npm scope of the packages: `@kodkatalog/<catalogue id>`. */
export const PACKAGE_SCOPE = '@kodkatalog';

/** The package name of a catalogue. Catalogue ids are lower-case kebab-case, which npm accepts as they are. */
export function packageName(catalogue: Catalogue): string {
  return `${PACKAGE_SCOPE}/${catalogue.manifest.id}`;
}

/** A conditional export: the declarations for TypeScript, the module for everyone else. */
interface ModuleExport {
  readonly types: string;
  readonly default: string;
}

/** What the package offers, by generator: its folder, its exports and a line for the README. */
const PARTS: readonly { readonly generator: string; readonly exports: Readonly<Record<string, ModuleExport | string>>; readonly what: string }[] = [
  {
    generator: 'validators',
    exports: {
      '.': { types: './validators/index.d.ts', default: './validators/index.js' },
      './validators': { types: './validators/index.d.ts', default: './validators/index.js' },
    },
    what: 'validerare utan beroenden: `validate<Posttyp>(post)`, `validateRecord`, `createSubmissionValidator`',
  },
  {
    generator: 'typescript',
    exports: {
      './types': { types: './typescript/types.d.ts', default: './typescript/types.js' },
      './codes': { types: './typescript/codes.d.ts', default: './typescript/codes.js' },
    },
    what: 'TypeScript-typer för poster och inlämningar (`./types`), kodlistor som konstanter med benämningar (`./codes`)',
  },
  { generator: 'json-schema', exports: { './schemas/*': './json-schema/*' }, what: 'JSON Schema 2020-12 per posttyp och per uppgiftsskyldighet' },
  { generator: 'code-lists', exports: { './code-lists/*': './code-lists/*' }, what: 'kodlistor som CSV, JSON och FHIR R4 CodeSystem och ValueSet' },
  { generator: 'concept-maps', exports: { './concept-maps/*': './concept-maps/*' }, what: 'FHIR R4 ConceptMap för ersatta koder' },
];

/** The parts whose generator ran and wrote something. */
function presentParts(context: GeneratorContext): typeof PARTS {
  return PARTS.filter((p) => (context.previous.get(p.generator)?.length ?? 0) > 0);
}

const README = 'README.md';

/** package.json: name and version from the catalogue, an export per part, and only the parts in `files` (not the docs site). */
function packageJson(catalogue: Catalogue, parts: typeof PARTS): string {
  const exports: Record<string, ModuleExport | string> = {};
  for (const p of parts) Object.assign(exports, p.exports);
  exports['./package.json'] = './package.json';
  const pkg = {
    name: packageName(catalogue),
    version: catalogue.manifest.version,
    description: `${catalogue.manifest.label.sv}: scheman, typer, validerare och kodlistor, genererade av kodkatalog.`,
    type: 'module',
    sideEffects: false,
    exports,
    files: [...parts.map((p) => `${p.generator}/`), README],
    engines: { node: '>=18' },
    keywords: ['kodkatalog', catalogue.manifest.id, 'json-schema', 'validering'],
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** README.md: what the package holds and how a vendor imports each part, with names from this catalogue. */
function readme(catalogue: Catalogue, parts: typeof PARTS): string {
  const name = packageName(catalogue);
  const m = catalogue.manifest;
  const has = (g: string): boolean => parts.some((p) => p.generator === g);
  const rt = catalogue.recordTypes[0];
  const small = catalogue.classifications.find((c) => !isLargeClassification(c) && c.codes.some((code) => code.selectable));
  const lines = [
    `# ${name} ${m.version}`,
    '',
    `${m.label.sv} (status: ${m.status}). Genererad av kodkatalog ur katalogen ${m.id} version ${m.version}: ändra inte för hand.`,
    '',
    '| Sökväg | Innehåll |',
    '| --- | --- |',
    ...parts.map((p) => `| ${Object.keys(p.exports).filter((k) => k !== '.').map((k) => `\`${name}${k.slice(1)}\``).join(', ')} | ${p.what} |`),
    '',
  ];
  if (has('validators') && rt) {
    lines.push(
      '## Kontrollera en post',
      '',
      '```js',
      `import { ${validatorName(rt)} } from '${name}/validators';`,
      '',
      `const fel = ${validatorName(rt)}(post, { period: '2027-03' }); // [] för en giltig post`,
      'for (const f of fel) console.log(f.field, f.message);',
      '```',
      '',
    );
  }
  if (has('typescript') && rt) {
    lines.push('## Typer och koder', '', '```ts', `import type { ${typeName(rt.id)} } from '${name}/types';`);
    if (small) lines.push(`import { ${typeName(small.id)}, ${typeName(small.id)}Labels, is${typeName(small.id)} } from '${name}/codes';`);
    lines.push('```', '');
  }
  if (has('json-schema') && rt) {
    lines.push('## JSON Schema', '', '```js', `import schema from '${name}/schemas/record-types/${rt.id}.schema.json' with { type: 'json' };`, '```', '');
  }
  return `${lines.join('\n')}`;
}

/**
 * The `package` generator: writes package.json and README.md at the root of the output, so that
 * `npm pack dist/catalogue` gives a package a vendor installs with `npm install <tarball>`. It has no
 * dependencies (the validators need none at run time), and `files` leaves out the docs site.
 */
export const packageGenerator: Generator = {
  name: 'package',
  description: [
    'package.json and README.md at the root of the output, making the built folder an npm package (exports for validators, types, codes, schemas, code lists),',
    "from the catalogue's id, version and label and the files of the json-schema, typescript, validators, code-lists and concept-maps generators,",
    'for system vendors who install the built artifacts with npm (`npm pack` on the folder, then `npm install` of the tarball).',
  ].join('\n'),
  uses: ['json-schema', 'typescript', 'validators', 'code-lists', 'concept-maps'],
  root: true,
  generate(catalogue, context) {
    const parts = presentParts(context);
    const files: GeneratedFile[] = [
      { path: 'package.json', contents: packageJson(catalogue, parts) },
      { path: README, contents: readme(catalogue, parts) },
    ];
    return { files, diagnostics: [] };
  },
};
