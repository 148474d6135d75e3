/** The workspace's campaigns for the filter bar, re-read whenever stored data changes. */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { Campaign } from '../../src-shared/api';
import { call } from '../api/client';
import { useWorkspace } from './workspace';

interface CampaignsState {
  /** null until the first answer */
  campaigns: Campaign[] | null;
  loadedVersion: number;
}

export const useCampaigns = create<CampaignsState>()(() => ({ campaigns: null, loadedVersion: -1 }));

let requestedVersion = -1;

/** Keeps the list in step with `dataVersion`; mount once where campaigns are shown or filtered. */
export function useCampaignList(): Campaign[] | null {
  const dataVersion = useWorkspace((s) => s.dataVersion);
  useEffect(() => {
    if (requestedVersion >= dataVersion) return;
    requestedVersion = dataVersion;
    call('campaigns.list', {}).then(
      (campaigns) => {
        if (useCampaigns.getState().loadedVersion <= dataVersion)
          useCampaigns.setState({ campaigns, loadedVersion: dataVersion });
      },
      // Without the list the picker offers "all campaigns" only; the next data change retries.
      () => (requestedVersion = -1),
    );
  }, [dataVersion]);
  return useCampaigns((s) => s.campaigns);
}
