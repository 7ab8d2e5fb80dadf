import { Document, isScalar, isSeq, visit } from 'yaml';

// Never anchors and aliases for repeated values: the content check refuses them.
export const yamlOptions = { lineWidth: 0, aliasDuplicateObjects: false } as const;

/**
 * YAML as the entries are written by hand: a list of plain values on one line
 * (`sources: [moc-text]`, `topics: [digital-government]`), everything else in block style.
 */
export function toEntryYaml(data: unknown): string {
  const document = new Document(data);
  visit(document, {
    Seq(_, node) {
      if (isSeq(node) && node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return document.toString({ ...yamlOptions, flowCollectionPadding: false });
}
