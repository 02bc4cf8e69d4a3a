// Type-aware lint for the mistakes the compiler cannot see: unawaited promises (a lost
// audit write or progress event) and switches that miss a case when an enum grows; and
// the house rules a reviewer would otherwise have to remember (docs/architecture.md).
import tseslint from 'typescript-eslint';

const ROLE_COMPARISON = 'Roles are compared only in the access policy (modules/identity/policy): ask it with access.require(viewer, Permission.X, ids), roleMay() or a named helper from policy/roles.ts.';
// Each module's door is its index.ts; a path into another module's folder is a deep import.
const MODULES = ['identity', 'audit', 'curriculum', 'enrollment', 'progress', 'assessment', 'credentials', 'reminders', 'records'];
const moduleDoors = MODULES.map((name) => ({
  files: [`modules/${name}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^(\\.\\./)+(${MODULES.filter((m) => m !== name).join('|')})/.+`,
            message: "Import another module only through its door (modules/<module>/index.ts), e.g. '../identity'. Add what you need to that index if it is meant to be public.",
          },
        ],
      },
    ],
  },
}));

const roleComparisons = [
  { selector: "BinaryExpression[operator=/^[!=]==?$/] > MemberExpression[object.name='Role']", message: ROLE_COMPARISON },
  { selector: "BinaryExpression[operator=/^[!=]==?$/] > MemberExpression[property.name='role']", message: ROLE_COMPARISON },
  { selector: "SwitchStatement > MemberExpression.discriminant[property.name='role']", message: ROLE_COMPARISON },
  { selector: "CallExpression[callee.property.name='includes'] > MemberExpression.arguments[property.name='role']", message: ROLE_COMPARISON },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs', 'web/dist/**', 'web/src/gql/**', 'web/test-results/**', 'web/playwright-report/**'] },
  {
    files: ['**/*.ts', 'web/**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // src/auth is the coarse @Roles gate; bench/generate.ts writes data, it decides nothing.
    files: ['src/**/*.ts', 'modules/**/*.ts', 'bench/floors.ts'],
    ignores: ['modules/identity/policy/**', 'src/auth/**'],
    rules: { 'no-restricted-syntax': ['error', ...roleComparisons] },
  },
  ...moduleDoors,
);
