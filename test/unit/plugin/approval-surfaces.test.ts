import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerWingmanPlugin } from '../../../src/plugin/register-plugin.js';
import { guardOpenClawApprove } from '../../../src/plugin/approval-surfaces.js';
import type { OpenClawApprovalBridge } from '../../../src/plugin/openclaw-approvals.js';
import type { ChatEngine } from '../../../src/app/chat-engine.js';
import type { AuditEntry } from '../../../src/adapters/store/audit-log.js';
import { createFakeOpenClaw } from './fake-openclaw-api.js';

const OWNER = '+15551234567';
const OTHER = '+15552222222';

describe("OpenClaw's /approve next to wingman's approve NAME", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wingman-surfaces-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('before_dispatch leaves `/approve plugin:… decision` to OpenClaw, but still claims `approve NAME`', async () => {
    const fake = createFakeOpenClaw({ stateDir: dir, tmuxSocket: `wingman-unit-${process.pid}` }, { commands: { ownerAllowFrom: [`whatsapp:${OWNER}`] } });
    registerWingmanPlugin(fake.api);
    const say = (content: string, senderId = OWNER) => fake.dispatch[0]!({ content, channel: 'whatsapp', senderId }, { channelId: 'whatsapp', senderId });
    expect(await say('/approve plugin:5b1c0d2e allow-once')).toBeUndefined();
    expect(await say('approve allow-always plugin:5b1c0d2e')).toBeUndefined();
    expect(await say('/approve plugin:5b1c0d2e deny', OTHER)).toBeUndefined(); // not one of wingman's: OpenClaw decides
    expect(await say('approve nosuch')).toEqual({ handled: true, text: "No session named 'nosuch'. There are no sessions yet." });
  });

  it("refuses a non-owner's /approve of a prompt wingman raised, and audits it", async () => {
    const audit: AuditEntry[] = [];
    const chat = async () => ({ audit: async (entry: AuditEntry) => void audit.push(entry) }) as unknown as ChatEngine;
    const bridge = { owns: (id: string) => id === 'plugin:ours' } as unknown as OpenClawApprovalBridge;
    expect(await guardOpenClawApprove('/approve plugin:ours allow-once', { id: OTHER, isOwner: false }, bridge, chat)).toEqual({ handled: true, text: 'Only the owner can answer prompts or steer sessions.' });
    expect(audit).toEqual([{ session: '', tool: '', detail: '/approve plugin:ours allow-once', decision: 'refused', by: OTHER, via: 'chat', note: 'not the owner' }]);
    expect(await guardOpenClawApprove('/approve plugin:ours allow-once', { id: OWNER, isOwner: true }, bridge, chat)).toBeUndefined();
    expect(await guardOpenClawApprove('/approve plugin:theirs allow-once', { id: OTHER, isOwner: false }, bridge, chat)).toBeUndefined();
    expect(await guardOpenClawApprove('approve build', { id: OTHER, isOwner: false }, bridge, chat)).toBe(false);
  });
});
