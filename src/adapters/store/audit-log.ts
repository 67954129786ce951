import fs from 'node:fs/promises';
import path from 'node:path';
import type { AnswerPath } from '../../core/approvals/approval-types.js';

export interface AuditEntry {
  session: string;
  tool: string;
  detail: string;
  /** `stop` / `tell`: a turn interrupted or a prompt submitted from the phone, CLI or assistant; `answer`: a question answered (the answer in `note`). */
  decision: 'approve' | 'always' | 'deny' | 'answer' | 'answered_in_terminal' | 'refused' | 'stop' | 'tell';
  /** Who answered: `cli`, a chat sender id, `policy:<rule>`, `terminal`. */
  by: string;
  via: AnswerPath;
  promptId?: string;
  note?: string;
  /** A deny's reason, as Claude received it. */
  reason?: string | undefined;
}

/** Appends one JSON line per decision to `audit.jsonl` (0600). Lines are small, so appends do not interleave. */
export class AuditLog {
  constructor(private readonly file: string, private readonly now: () => Date = () => new Date()) {}

  async append(entry: AuditEntry): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    // A log cut mid-line (crash, full disk) must not swallow the next entry into the broken one.
    const start = (await endsMidLine(this.file)) ? '\n' : '';
    await fs.appendFile(this.file, `${start}${JSON.stringify({ at: this.now().toISOString(), ...entry })}\n`, { mode: 0o600 });
  }
}

async function endsMidLine(file: string): Promise<boolean> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const { size } = await handle.stat();
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}
