import '@mantine/notifications/styles.css';
import { Notifications } from '@mantine/notifications';

/** The toasts' container, loaded after the first page (see app.tsx). */
export function Toasts() {
  return <Notifications position="top-right" />;
}
