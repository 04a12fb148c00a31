// @ts-check
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

/** String-to-HTML sinks: Gmail enforces Trusted Types, and a draft must never become markup. */
const htmlSinks = [
  { selector: "MemberExpression[property.name='innerHTML']", message: 'No innerHTML: build DOM nodes or render text (Trusted Types).' },
  { selector: "MemberExpression[property.name='outerHTML']", message: 'No outerHTML: build DOM nodes or render text (Trusted Types).' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No insertAdjacentHTML (Trusted Types).' },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]", message: 'No document.write.' },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No dangerouslySetInnerHTML (Trusted Types).' },
  { selector: "CallExpression[callee.property.name='createContextualFragment']", message: 'No createContextualFragment (string-to-HTML sink).' },
];

export default tseslint.config(
  { ignores: ['.output/**', 'dist/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'public/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  // Text comes from customers: no regular expression may backtrack super-linearly (a stalled worker
  // stalls every tab and the pre-send check). The plugin's recommended set plus the two ReDoS rules as errors.
  regexp.configs['flat/recommended'],
  {
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    rules: {
      'no-restricted-syntax': ['error', ...htmlSinks],
      'no-restricted-properties': [
        'error',
        { object: 'document', property: 'write', message: 'No document.write.' },
        { object: 'document', property: 'writeln', message: 'No document.writeln.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
);
