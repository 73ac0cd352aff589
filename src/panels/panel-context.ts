import type { Municipality } from '../data/contract.ts';
import type { PeerGroup } from '../peers/peer-group.ts';

/** What every panel on a kommun page shares. */
export interface PanelContext {
  kommun: Municipality;
  group: PeerGroup;
}
