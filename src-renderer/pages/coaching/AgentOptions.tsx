/** The workspace's agents as a select's options (the note's, the plan's and the page's agent filter). */
import type { Agent } from '../../../src-shared/api';
import { visibleText } from '../../../src-shared/visible-text';
import { agentLabel } from '../../../src-shared/agent-label';

/** Each agent by name and code; the value is the agent's id. */
export function AgentOptions({ agents }: { agents: readonly Pick<Agent, 'id' | 'name' | 'code'>[] }) {
  return agents.map((a) => (
    <option key={a.id} value={a.id}>
      {visibleText(agentLabel(a, 'dot'))}
    </option>
  ));
}
