export { compile, type ListError, type Matcher } from './compile';
export { fold, foldTag, splitNamespace, tagToString } from './normalize';
export { parseRule, type Rule, type RuleError } from './parse';
export * from './types';
