import { Alert, Anchor } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { Link } from 'react-router';

/** What stops every campaign until an admin sets up sending: said where a campaign is started. */
export function EmailSettingsMissing() {
  return (
    <Alert color="yellow" icon={<IconAlertCircle />} title="Email settings are missing" role="alert">
      A campaign needs a sender, a postal address and the workspace's time zone.{' '}
      <Anchor component={Link} to="/settings/email">
        Set them up
      </Anchor>{' '}
      (admins).
    </Alert>
  );
}
