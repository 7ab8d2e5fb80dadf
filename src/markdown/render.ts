import type { Root as HastRoot } from 'hast';
import type { Root, RootContent } from 'mdast';
import remarkRehype from 'remark-rehype';
import { unified, type Plugin, type Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { componentHandlers, writeSlot } from './components.ts';
import { toHtml } from './html.ts';
import { rehypeSafeContent, remarkSafeContent } from './safe-mdx.ts';

/**
 * An entry's body turned into HTML once, when the content is loaded, instead of compiling it as an
 * MDX module on every build: the tree `readBody` parsed and checked goes through the same remark
 * and rehype plugins as MDX did (the safe-content check again, code made plain text, heading ids),
 * and the allowed components become the markup their Astro components gave.
 */

/**
 * MDX's own first step after parsing (`remarkMarkAndUnravel` of `@mdx-js/mdx`): a paragraph that
 * holds only components and white space is replaced by the components, as blocks. Without it
 * `<Callout>Text.</Callout>` on one line would be written inside a `<p>`.
 */
export const remarkUnravelComponents: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'paragraph', (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    const blank = (value: string): boolean => /^[\t\n\f\r ]*$/.test(value);
    const components = node.children.filter((child) => child.type === 'mdxJsxTextElement');
    const onlyComponents = node.children.every(
      (child) => child.type === 'mdxJsxTextElement' || (child.type === 'text' && blank(child.value)),
    );
    if (components.length === 0 || !onlyComponents) return undefined;
    const blocks: RootContent[] = [];
    for (const child of node.children) {
      if (child.type === 'mdxJsxTextElement') blocks.push({ ...child, type: 'mdxJsxFlowElement' } as RootContent);
      // MDX drops white space of spaces, tabs and line breaks only.
      else if (!(child.type === 'text' && /^[\t\r\n ]+$/.test(child.value))) blocks.push(child);
    }
    parent.children.splice(index, 1, ...(blocks as typeof parent.children));
    return index;
  });
};

const processors = new Map<string, Processor<Root, Root, HastRoot>>();

/** The pipeline for entries under `contentRoot`, made once. */
function processorFor(contentRoot: string): Processor<Root, Root, HastRoot> {
  let processor = processors.get(contentRoot);
  if (!processor) {
    processor = unified()
      .use(remarkUnravelComponents)
      .use(remarkSafeContent, { contentRoot })
      .use(remarkRehype, { handlers: componentHandlers })
      .use(rehypeSafeContent, { contentRoot }) as unknown as Processor<Root, Root, HastRoot>;
    processors.set(contentRoot, processor);
  }
  return processor;
}

/**
 * The body of the entry at `filePath`, a file under `contentRoot`, as hast. Throws when the tree
 * holds anything a contributed entry may not use.
 */
export function bodyTree(tree: Root, file: { readonly filePath: string; readonly contentRoot: string }): HastRoot {
  return processorFor(file.contentRoot).runSync(tree, new VFile({ path: file.filePath }));
}

/**
 * The HTML of a checked body, for every edition: what depends on the page (a `<Cite>`'s numbers
 * and a `<Callout>`'s default heading) is written as markers that `fillSlots` fills.
 */
export function renderBody(tree: Root, file: { readonly filePath: string; readonly contentRoot: string }): string {
  return toHtml(bodyTree(tree, file), writeSlot);
}
