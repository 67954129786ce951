import { compareVersions } from '../../../src/agents/claude-code/versions.js';
import { E2E_CLAUDE_VERSION } from '../../support/claude-binary.js';

/**
 * What the Claude Code under test legitimately shows, where versions differ (see
 * test/fixtures/claude-screens/VERSION/ for the screens themselves). 2.1.332 is the first tested
 * release with its current dialogs; releases in between are not tested.
 */
export const CURRENT_DIALOGS = compareVersions(E2E_CLAUDE_VERSION, '2.1.332') >= 0;

/** The Bash dialog's options for a plain command run in `workdir` (folder `name`). */
export function bashOptions(workdir: string, name: string) {
  const always = CURRENT_DIALOGS ? `Yes, and always allow access to ${workdir} from this project` : `Yes, and always allow access to ${name}/ from this project`;
  return [
    { key: '1', label: 'Yes', kind: 'yes', selected: true },
    { key: '2', label: always, kind: 'always', selected: false },
    ...(CURRENT_DIALOGS ? [{ key: '3', label: 'Yes, and switch to auto mode · auto mode handles these prompts for you', kind: 'other', selected: false }] : []),
    { key: CURRENT_DIALOGS ? '4' : '3', label: 'No', kind: 'no', selected: false },
  ];
}

/** Option kinds of a Bash dialog for a command Claude Code flags (no "always" option). */
export const FLAGGED_BASH_KINDS = CURRENT_DIALOGS ? ['yes', 'other', 'no'] : ['yes', 'no'];
