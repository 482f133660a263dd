import { claimSidebarFrame, requestFirstScreenEarly } from '@/components/queries';

// The frame's name is the token its agent issued through the background (lib/agent/sidebar-host.ts).
void claimSidebarFrame(window.name);
requestFirstScreenEarly();
