import type { PanelState } from '../../../contract/panel';
import type { PanelClient } from '../../client';
import type { PanelModel } from '../common';

/** What every options section gets: the page's model (state, strings, run), the state, and the client. */
export type SectionProps = { model: PanelModel; state: PanelState; client: PanelClient };
