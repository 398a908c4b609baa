import { Stack, Text } from '@fluentui/react';

export function App(): JSX.Element {
  return (
    <Stack tokens={{ padding: 12, childrenGap: 8 }}>
      <Text variant="xLarge">Key Account Planner</Text>
    </Stack>
  );
}
