import { Center, Loader } from '@mantine/core';

/** A page's code or data on its way; `fullScreen` where no app shell is around it (sign-in), like index.html's. */
export function PageLoader({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <Center py="xl" mih={fullScreen ? '100dvh' : undefined}>
      <Loader aria-label="Loading page" />
    </Center>
  );
}
