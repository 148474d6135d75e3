/** The People page's agent list: search by 工号 or name, active/left, sorted by 工号 numerically or names by pinyin. */
import type { Agent } from '../../../src-shared/api';
import { compareCodes, compareNames, compareTeamNames } from '../../../src-shared/collate';

export type AgentShow = 'active' | 'left' | 'all';
export type AgentSortColumn = 'code' | 'name' | 'team';
export interface AgentSort {
  column: AgentSortColumn;
  direction: 'asc' | 'desc';
}

export function matchesSearch(agent: Agent, search: string): boolean {
  const q = search.trim().toLowerCase();
  if (!q) return true;
  return [agent.code, ...agent.otherCodes, agent.name ?? ''].some((s) => s.toLowerCase().includes(q));
}

export function visibleAgents(
  agents: readonly Agent[],
  search: string,
  show: AgentShow,
  sort: AgentSort,
): Agent[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const byCode = (a: Agent, b: Agent) => compareCodes(a.code, b.code);
  const compare = (a: Agent, b: Agent): number => {
    if (sort.column === 'name') return sign * compareNames(a.name, b.name) || byCode(a, b);
    if (sort.column === 'team') return sign * compareTeamNames(a.teamName, b.teamName) || byCode(a, b);
    return sign * byCode(a, b);
  };
  return agents
    .filter((a) => (show === 'all' ? true : show === 'active' ? a.active : !a.active))
    .filter((a) => matchesSearch(a, search))
    .sort(compare);
}
