import { Anchor, Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { companyQuery } from './company-queries';

/** A linked company's name, loaded once per company and shared by every row that shows it. */
export function CompanyName({ id, link = true }: { id: string; link?: boolean }) {
  const { data, isPending, isError } = useQuery({ ...companyQuery(id), staleTime: 5 * 60_000 });
  if (isPending) return <Skeleton height={10} width={90} radius="xl" aria-label="Loading company" />;
  if (isError) {
    return (
      <Text span c="dimmed" size="sm">
        Unknown company
      </Text>
    );
  }
  if (!link) return <>{data.name}</>;
  return (
    <Anchor component={Link} to={`/companies/${data.id}`} size="sm">
      {data.name}
    </Anchor>
  );
}
