import {
  type ArgumentNode,
  type FieldNode,
  GraphQLError,
  Kind,
  parse,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

/**
 * GitHub's GraphQL endpoint as far as the app uses it: `repository(owner, name)` and, inside it, aliased
 * `object(oid: …)` fields whose `... on Blob` fragment asks for `text`, `isBinary`, `isTruncated`,
 * `byteSize` or `oid`. The query is parsed (graphql-js) and answered from the blobs the stand-in holds,
 * as GitHub answers: `text` null for a binary blob, cut at `maxTextBytes` with `isTruncated` for a large
 * one, `null` for an unknown object, `errors` for anything else asked. Shared by the tests' fake GitHubs
 * and the bench's stand-in.
 */

export interface GraphqlBlobStore {
  /** The blobs of `owner/name` by sha, or undefined when there is no such repository. */
  blobsOf(owner: string, name: string): ((oid: string) => Uint8Array | undefined) | undefined;
  /** GitHub cuts the text of large blobs; a test sets a small limit to see it. */
  maxTextBytes?: number | undefined;
}

export interface GraphqlAnswer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string }[] };
}

const DEFAULT_MAX_TEXT_BYTES = 512 * 1024;
const BLOB_FIELDS = new Set(["text", "isBinary", "isTruncated", "byteSize", "oid", "__typename"]);

export function answerGraphql(requestBody: unknown, store: GraphqlBlobStore): GraphqlAnswer {
  const { query, variables = {} } = (requestBody ?? {}) as {
    query?: unknown;
    variables?: Record<string, unknown>;
  };
  if (typeof query !== "string") return { status: 400, body: { errors: [{ message: "No query given" }] } };
  try {
    const document = parse(query);
    const operation = document.definitions.find(
      (definition) => definition.kind === Kind.OPERATION_DEFINITION,
    );
    if (operation?.kind !== Kind.OPERATION_DEFINITION || operation.operation !== "query")
      throw new GraphQLError("Only queries are answered");
    const data: Record<string, unknown> = {};
    for (const field of fieldsOf(operation.selectionSet)) {
      if (field.name.value !== "repository") throw new GraphQLError(`Unknown field ${field.name.value}`);
      data[keyOf(field)] = repositoryAnswer(field, variables, store);
    }
    return { status: 200, body: { data } };
  } catch (error) {
    return { status: 200, body: { errors: [{ message: (error as Error).message }] } };
  }
}

function repositoryAnswer(field: FieldNode, variables: Record<string, unknown>, store: GraphqlBlobStore) {
  const owner = argument(field.arguments, "owner", variables);
  const name = argument(field.arguments, "name", variables);
  const blobs = store.blobsOf(String(owner), String(name));
  if (!blobs) return null;
  const answer: Record<string, unknown> = {};
  for (const objectField of fieldsOf(field.selectionSet)) {
    if (objectField.name.value !== "object")
      throw new GraphQLError(`Unknown field ${objectField.name.value} on Repository`);
    const oid = String(argument(objectField.arguments, "oid", variables));
    const bytes = blobs(oid);
    answer[keyOf(objectField)] = bytes === undefined ? null : blobAnswer(objectField, oid, bytes, store);
  }
  return answer;
}

function blobAnswer(field: FieldNode, oid: string, bytes: Uint8Array, store: GraphqlBlobStore) {
  const maxTextBytes = store.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES;
  const isBinary = !isUtf8Text(bytes);
  const isTruncated = !isBinary && bytes.byteLength > maxTextBytes;
  const values: Record<string, unknown> = {
    __typename: "Blob",
    oid,
    byteSize: bytes.byteLength,
    isBinary,
    isTruncated,
    text: isBinary ? null : Buffer.from(bytes.subarray(0, maxTextBytes)).toString("utf8"),
  };
  const answer: Record<string, unknown> = {};
  for (const selection of field.selectionSet?.selections ?? []) {
    if (selection.kind !== Kind.INLINE_FRAGMENT || selection.typeCondition?.name.value !== "Blob")
      throw new GraphQLError("Only `... on Blob` is answered");
    for (const blobField of fieldsOf(selection.selectionSet)) {
      if (!BLOB_FIELDS.has(blobField.name.value))
        throw new GraphQLError(`Unknown field ${blobField.name.value} on Blob`);
      answer[keyOf(blobField)] = values[blobField.name.value];
    }
  }
  return answer;
}

/** Git's own test: a NUL byte makes a file binary; so does text that is not UTF-8 (GitHub gives no text). */
function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function fieldsOf(selectionSet: SelectionSetNode | undefined): FieldNode[] {
  return (selectionSet?.selections ?? []).map((selection) => {
    if (selection.kind !== Kind.FIELD) throw new GraphQLError("Fragments are only answered on objects");
    return selection;
  });
}

function keyOf(field: FieldNode): string {
  return field.alias?.value ?? field.name.value;
}

function argument(
  args: readonly ArgumentNode[] | undefined,
  name: string,
  variables: Record<string, unknown>,
): unknown {
  const node = args?.find((arg) => arg.name.value === name);
  if (!node) throw new GraphQLError(`Argument ${name} is required`);
  return argumentValue(node.value, variables);
}

function argumentValue(value: ValueNode, variables: Record<string, unknown>): unknown {
  if (value.kind === Kind.VARIABLE) {
    if (!(value.name.value in variables)) throw new GraphQLError(`Variable $${value.name.value} not given`);
    return variables[value.name.value];
  }
  if (value.kind === Kind.STRING) return value.value;
  throw new GraphQLError(`Unexpected ${value.kind} argument`);
}
