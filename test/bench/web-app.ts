export async function benchWeb(): Promise<string> {
  return '## Web app\n\n(pending)';
}
