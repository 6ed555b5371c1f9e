import { Button } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ListEmpty } from '../records/list-states';

export function NotFoundPage() {
  return (
    <ListEmpty
      icon={<IconMapOff />}
      title="There is nothing here"
      description="The address may be mistyped, or the page has moved."
      action={
        <Button component={Link} to="/contacts">
          Go to contacts
        </Button>
      }
    />
  );
}
