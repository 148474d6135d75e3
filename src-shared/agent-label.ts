/**
 * An agent as a list or a picker names them: the name with the code beside it; the code alone when
 * there is no name, or when the name is the code (an agent a system knows only by name, such as
 * 云客's call logs, has that name for a code: "张伟", not "张伟 (张伟)").
 */
export function agentLabel(
  agent: { name: string | null | undefined; code: string },
  joiner: 'parentheses' | 'dot' = 'parentheses',
): string {
  if (!agent.name || agent.name === agent.code) return agent.code;
  return joiner === 'dot' ? `${agent.name} · ${agent.code}` : `${agent.name} (${agent.code})`;
}

/** Whether a list that shows the name should show the code beside it too. */
export function codeWorthShowing(agent: { name: string | null | undefined; code: string }): boolean {
  return !!agent.name && agent.name !== agent.code;
}
