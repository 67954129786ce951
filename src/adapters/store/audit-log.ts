import fs from 'node:fs/promises';
import path from 'node:path';
import type { AnswerPath } from '../../core/approvals/approval-types.js';

export interface AuditEntry {
  session: string;
  tool: string;
  detail: string;
  decision: 'approve' | 'always' | 'deny' | 'answered_in_terminal' | 'refused';
  /** Who answered: `cli`, a chat sender id, `policy:<rule>`, `terminal`. */
  by: string;
  via: AnswerPath;
  promptId?: string;
  note?: string;
}

/** Appends one JSON line per decision to `audit.jsonl` (0600). Lines are small, so appends do not interleave. */
export class AuditLog {
  constructor(private readonly file: string, private readonly now: () => Date = () => new Date()) {}

  async append(entry: AuditEntry): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    await fs.appendFile(this.file, `${JSON.stringify({ at: this.now().toISOString(), ...entry })}\n`, { mode: 0o600 });
  }
}
