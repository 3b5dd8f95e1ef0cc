import { DateInput, type DateInputProps } from '@mantine/dates';
import { useState } from 'react';

/**
 * A date typed as YYYY-MM-DD or picked from a calendar. Inside a dialog, Escape with the calendar
 * open closes the calendar only, not the dialog with everything typed in it: Mantine's modal
 * leaves an Escape alone when its target carries data-mantine-stop-propagation.
 */
export function DateField(props: DateInputProps) {
  const [calendarOpen, setCalendarOpen] = useState(false);
  return (
    <DateInput
      valueFormat="YYYY-MM-DD"
      placeholder="YYYY-MM-DD"
      {...props}
      popoverProps={{
        ...props.popoverProps,
        onOpen: () => setCalendarOpen(true),
        onClose: () => setCalendarOpen(false),
      }}
      data-mantine-stop-propagation={calendarOpen ? 'true' : undefined}
    />
  );
}
