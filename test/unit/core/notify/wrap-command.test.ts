import { describe, expect, it } from 'vitest';
import { commandPieces, wrapCommand } from '../../../../src/core/notify/wrap-command.js';

const long = 'cd /srv/catproj && npm ci --no-audit && npm run build -- --mode production && npm test -- --coverage | tee out.log';

describe('wrapping commands for a phone', () => {
  it('splits after top-level operators only, never inside quotes or after an escape', () => {
    expect(commandPieces(`a && b || c | d; e`)).toEqual(['a &&', 'b ||', 'c |', 'd;', 'e']);
    expect(commandPieces(`echo "x && y" 'p | q' && grep a\\|b f 2>&1`)).toEqual([`echo "x && y" 'p | q' &&`, 'grep a\\|b f 2>&1']);
    expect(commandPieces(`echo "it's \\"ok\\" && fine" && ls`)).toEqual([`echo "it's \\"ok\\" && fine" &&`, 'ls']);
    expect(commandPieces('sleep 1 & wait')).toEqual(['sleep 1 & wait']);
  });

  it('a command that fits stays on one line, at 40 and at 120 columns', () => {
    const forty = 'npm run build && npm test -- --run a.ts';
    expect(forty).toHaveLength(39);
    expect(wrapCommand(forty, 40)).toEqual([forty]);
    expect(wrapCommand(long, 120)).toEqual([long]);
  });

  it('a long command breaks after its operators, packing pieces that fit, continuation indented', () => {
    expect(long.length).toBeGreaterThan(100);
    expect(wrapCommand(long, 40)).toEqual([
      'cd /srv/catproj && npm ci --no-audit &&',
      '  npm run build -- --mode production &&',
      '  npm test -- --coverage | tee out.log',
    ]);
    expect(wrapCommand(long, 80)).toEqual([
      'cd /srv/catproj && npm ci --no-audit && npm run build -- --mode production &&',
      '  npm test -- --coverage | tee out.log',
    ]);
    for (const line of wrapCommand(long, 60)) expect(line.length).toBeLessThanOrEqual(60);
  });

  it('counts the columns before the first line', () => {
    expect(wrapCommand('echo aaaaaaaaaa && echo bbbbbbbbbb', 36)).toEqual(['echo aaaaaaaaaa && echo bbbbbbbbbb']);
    expect(wrapCommand('echo aaaaaaaaaa && echo bbbbbbbbbb', 36, 5)).toEqual(['echo aaaaaaaaaa &&', '  echo bbbbbbbbbb']);
  });

  it('a piece longer than a line stays whole; a multi-line command keeps its own layout', () => {
    const piece = `echo ${'x'.repeat(80)}`;
    expect(wrapCommand(`${piece} && ls`, 40)).toEqual([`${piece} &&`, '  ls']);
    expect(wrapCommand("cat <<'EOF' > a.txt\nx && y\nEOF", 10)).toEqual(["cat <<'EOF' > a.txt", 'x && y', 'EOF']);
  });

  it('measures wide characters by their columns', () => {
    expect(wrapCommand('echo 日本語日本語日本語 && echo 日本語日本語日本語', 40)).toEqual(['echo 日本語日本語日本語 &&', '  echo 日本語日本語日本語']);
  });
});
