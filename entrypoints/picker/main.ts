import { onPageBroadcast, onTabMessages, type PickerFrameProtocol, sendToBackground } from '@/lib/messaging/protocol';
import { readTemplatePages } from '@/lib/messaging/template-pages';
import { startPickerFrame } from '@/lib/picker/picker-frame';
import '@/components/picker/picker.css';

// The frame's name is the token its agent issued through the background (lib/agent/picker-host.ts).
void startPickerFrame(document, {
  token: window.name,
  claim: async (token) => (await sendToBackground('claimPicker', { token })).ok,
  load: async () => {
    const [library, templates] = await Promise.all([
      sendToBackground('getPickerLibrary'),
      readTemplatePages((request) => sendToBackground('getPickerTemplatePage', request)),
    ]);
    return { ...library, templates };
  },
  listen: (handler) => void onTabMessages<PickerFrameProtocol>({ pickerUpdate: handler }),
  onChange: (reload) => void onPageBroadcast('dataChanged', reload),
});
