import { onPageBroadcast, onTabMessages, type PickerFrameProtocol, sendToBackground } from '@/lib/messaging/protocol';
import { startPickerFrame } from '@/lib/picker/picker-frame';
import '@/components/picker/picker.css';

// The frame's name is the token its agent issued through the background (lib/agent/picker-host.ts).
void startPickerFrame(document, {
  token: window.name,
  claim: async (token) => (await sendToBackground('claimPicker', { token })).ok,
  load: () => sendToBackground('getPickerLibrary'),
  listen: (handler) => void onTabMessages<PickerFrameProtocol>({ pickerUpdate: handler }),
  onChange: (reload) => void onPageBroadcast('dataChanged', reload),
});
