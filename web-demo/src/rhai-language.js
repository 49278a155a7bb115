// Highlighting for Rhai rule scripts in CodeMirror: a small stream parser
// (keywords, strings with `${}` interpolation kept simple, numbers, comments,
// the script API's function names). Rhai has no official CodeMirror mode.
import { StreamLanguage } from '@codemirror/language';

const KEYWORDS = new Set([
  'let', 'const', 'fn', 'if', 'else', 'while', 'loop', 'for', 'in', 'do', 'until', 'return',
  'break', 'continue', 'switch', 'throw', 'try', 'catch', 'private', 'this', 'global',
]);
const ATOMS = new Set(['true', 'false']);

/** @param {Set<string>} api names of the script API, shown as built-ins */
export function rhai(api) {
  return StreamLanguage.define({
    name: 'rhai',
    startState: () => ({ inComment: false }),
    token(stream, state) {
      if (state.inComment) {
        if (stream.skipTo('*/')) {
          stream.match('*/');
          state.inComment = false;
        } else stream.skipToEnd();
        return 'comment';
      }
      if (stream.eatSpace()) return null;
      if (stream.match('//')) {
        stream.skipToEnd();
        return 'comment';
      }
      if (stream.match('/*')) {
        state.inComment = true;
        return 'comment';
      }
      if (stream.match(/^"(?:[^"\\]|\\.)*"?/) || stream.match(/^`[^`]*`?/)) return 'string';
      if (stream.match(/^\d[\d_]*(\.\d+)?/)) return 'number';
      if (stream.match('#{')) return 'bracket';
      const word = stream.match(/^[A-Za-z_][A-Za-z0-9_]*/);
      if (word) {
        const w = word[0];
        if (KEYWORDS.has(w)) return 'keyword';
        if (ATOMS.has(w)) return 'atom';
        if (api.has(w)) return 'builtin';
        return 'variableName';
      }
      if (stream.match(/^(>=|<=|==|!=|&&|\|\||[+\-*/%<>=!])/)) return 'operator';
      stream.next();
      return null;
    },
    languageData: { commentTokens: { line: '//', block: { open: '/*', close: '*/' } } },
  });
}
