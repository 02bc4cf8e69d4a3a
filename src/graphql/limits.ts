import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * Limits on the shape of a GraphQL document, measured in one linear pass after
 * parsing (which `maxTokens` already bounds) and before validation, so neither
 * validation nor the cost estimate ever sees a document whose size or fragment
 * expansion is out of bounds. Nothing here recurses: fragments are resolved with
 * an explicit stack, and a fragment cycle counts as empty (validation then
 * refuses it with its own message).
 */
export interface DocumentLimits {
  maxAliases: number;
  maxRootFields: number;
  /** Field selections after expanding every fragment spread. */
  maxSelections: number;
  maxDepth: number;
}

export interface DocumentShape {
  aliases: number;
  /** The largest number of root fields in any one operation, fragments expanded. */
  rootFields: number;
  selections: number;
  depth: number;
}

/** Over a limit: BAD_USER_INPUT with HTTP 400 and the numbers, the same for every limit. */
export function limitExceeded(message: string, limit: string, actual: number, maximum: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 }, limit: { name: limit, actual, maximum } },
  });
}

/** The first limit the document breaks, as the error to send, or undefined. */
export function checkDocument(document: DocumentNode, limits: DocumentLimits): GraphQLError | undefined {
  const shape = measureDocument(document);
  if (shape.aliases > limits.maxAliases) {
    return limitExceeded(`This request uses ${shape.aliases} aliases; at most ${limits.maxAliases} are allowed.`, 'aliases', shape.aliases, limits.maxAliases);
  }
  if (shape.rootFields > limits.maxRootFields) {
    return limitExceeded(
      `This request asks for ${shape.rootFields} top-level fields in one operation; at most ${limits.maxRootFields} are allowed. Split it into several requests.`,
      'rootFields',
      shape.rootFields,
      limits.maxRootFields,
    );
  }
  if (shape.selections > limits.maxSelections) {
    return limitExceeded(
      `This request selects ${shape.selections} fields once its fragments are expanded; at most ${limits.maxSelections} are allowed.`,
      'selections',
      shape.selections,
      limits.maxSelections,
    );
  }
  if (shape.depth > limits.maxDepth) {
    return limitExceeded(`This query is nested too deeply (depth ${shape.depth}; maximum operation depth of ${limits.maxDepth}).`, 'depth', shape.depth, limits.maxDepth);
  }
  return undefined;
}

interface Local {
  selections: number;
  rootFields: number;
  depth: number;
  /** Fragment spreads in this definition: name, and the depth at which each is spread. */
  spreads: Array<{ name: string; depth: number }>;
}

export function measureDocument(document: DocumentNode): DocumentShape {
  let aliases = 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }

  const locals = new Map<string, Local>();
  const localOf = (selectionSet: SelectionSetNode, counted: boolean): Local => {
    const local: Local = { selections: 0, rootFields: 0, depth: 0, spreads: [] };
    const stack: Array<[SelectionSetNode, number]> = [[selectionSet, 0]];
    while (stack.length) {
      const [set, depth] = stack.pop()!;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (counted && selection.alias) aliases++;
          local.selections++;
          if (depth === 0) local.rootFields++;
          // Introspection fields are not data; the depth of __schema queries is not theirs to pay for.
          if (selection.selectionSet && !selection.name.value.startsWith('__')) {
            local.depth = Math.max(local.depth, depth + 1);
            stack.push([selection.selectionSet, depth + 1]);
          }
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          stack.push([selection.selectionSet, depth]);
        } else {
          local.selections++;
          local.spreads.push({ name: selection.name.value, depth });
        }
      }
    }
    return local;
  };
  for (const [name, fragment] of fragments) locals.set(name, localOf(fragment.selectionSet, true));

  // Each fragment's totals with its spreads expanded, resolved depth-first with an explicit stack.
  const totals = new Map<string, { selections: number; rootFields: number; depth: number }>();
  const inProgress = new Set<string>();
  const totalOf = (name: string) => {
    const stack = [name];
    while (stack.length) {
      const current = stack[stack.length - 1];
      if (totals.has(current)) {
        stack.pop();
        continue;
      }
      const local = locals.get(current);
      if (!local) {
        totals.set(current, { selections: 0, rootFields: 0, depth: 0 });
        stack.pop();
        continue;
      }
      inProgress.add(current);
      const pending = local.spreads.filter((s) => !totals.has(s.name) && !inProgress.has(s.name) && locals.has(s.name));
      if (pending.length) {
        stack.push(...pending.map((s) => s.name));
        continue;
      }
      totals.set(current, combine(local, totals));
      inProgress.delete(current);
      stack.pop();
    }
    return totals.get(name)!;
  };
  const combine = (local: Local, known: Map<string, { selections: number; rootFields: number; depth: number }>) => {
    let { selections, rootFields, depth } = local;
    for (const spread of local.spreads) {
      // A spread still in progress is part of a cycle: validation refuses those.
      const inner = known.get(spread.name) ?? { selections: 0, rootFields: 0, depth: 0 };
      selections += inner.selections;
      if (spread.depth === 0) rootFields += inner.rootFields;
      depth = Math.max(depth, spread.depth + inner.depth);
    }
    return { selections, rootFields, depth };
  };

  const shape: DocumentShape = { aliases: 0, rootFields: 0, selections: 0, depth: 0 };
  for (const operation of operations) {
    const local = localOf(operation.selectionSet, true);
    for (const spread of local.spreads) totalOf(spread.name);
    const total = combine(local, totals);
    shape.rootFields = Math.max(shape.rootFields, total.rootFields);
    shape.selections += total.selections;
    shape.depth = Math.max(shape.depth, total.depth);
  }
  shape.aliases = aliases;
  return shape;
}
