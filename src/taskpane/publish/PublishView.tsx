/** Publicering: says plainly that no library is configured until a SharePoint site or the local library is set. */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useStrings } from '../i18n';

export default function PublishView() {
  const t = useStrings();
  return (
    <MessageBar intent="warning" style={{ marginTop: 12 }}>
      <MessageBarBody>{t.publishNotConfigured}</MessageBarBody>
    </MessageBar>
  );
}
