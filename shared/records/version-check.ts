/** Condition for writing a record item over the version the writer read. */
export function expectVersion(expectedVersion: number) {
  return {
    ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':expected': expectedVersion },
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
  };
}
