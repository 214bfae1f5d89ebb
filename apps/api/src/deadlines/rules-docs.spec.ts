import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deadlineRulesMarkdown } from '@thads/domain';

// The README's deadline list and docs/deadlines.md's table are generated from the rules; this
// keeps them equal. To regenerate after changing a rule: UPDATE_DOCS=1 npx jest apps/api/src/deadlines/rules-docs.spec.ts
const ROOT = join(__dirname, '../../../..');
const BEGIN = '<!-- deadline-rules:begin (generated from libs/domain/src/deadlines/rules-*.ts) -->';
const END = '<!-- deadline-rules:end -->';

const block = (text: string): string | undefined => {
  const from = text.indexOf(BEGIN);
  const to = text.indexOf(END);
  return from < 0 || to < from ? undefined : text.slice(from + BEGIN.length, to);
};

describe.each(['README.md', 'docs/deadlines.md'])('%s', (file) => {
  it('lists the deadline rules exactly as the rules say', () => {
    const path = join(ROOT, file);
    const text = readFileSync(path, 'utf8');
    const expected = `\n${deadlineRulesMarkdown()}`;
    if (process.env.UPDATE_DOCS === '1' && block(text) !== undefined) {
      writeFileSync(path, text.replace(`${BEGIN}${block(text)}${END}`, `${BEGIN}${expected}${END}`));
    }
    expect(block(readFileSync(path, 'utf8'))).toBe(expected);
  });
});
