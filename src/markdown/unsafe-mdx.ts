import type { Definition, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx';
import { visit } from 'unist-util-visit';
import { closestIds } from '../suggest.ts';
import {
  allowedComponents,
  allowedElements,
  behaviourElements,
  codeLanguages,
  componentList,
  type ComponentSpec,
} from './allowed.ts';
import { nestingLimits } from './limits.ts';
import { allowedImages, allowedLinks, isAllowedImage, isAllowedLink } from './urls.ts';

/** One thing in an entry's body that is not allowed, with where it is and what to do instead. */
export interface Violation {
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
  readonly allowed: string;
}

function at(node: RootContent | Root): { line?: number; column?: number } {
  const start = node.position?.start;
  return start ? { line: start.line, column: start.column } : {};
}

function checkAttribute(
  element: string,
  attribute: MdxJsxAttribute | MdxJsxExpressionAttribute,
  spec: ComponentSpec | undefined,
  where: { line?: number; column?: number },
  violations: Violation[],
): void {
  if (attribute.type === 'mdxJsxExpressionAttribute') {
    violations.push({
      ...where,
      message: `a spread or expression attribute on <${element}> ("{${attribute.value}}")`,
      allowed: 'attributes with literal text values, such as kind="note"',
    });
    return;
  }
  const name = attribute.name;
  if (/^on/i.test(name)) {
    violations.push({
      ...where,
      message: `an event-handler attribute "${name}" on <${element}>`,
      allowed: 'no event handlers: entries cannot run scripts',
    });
    return;
  }
  if (attribute.value !== null && typeof attribute.value === 'object') {
    violations.push({
      ...where,
      message: `an expression as the value of "${name}" on <${element}> ("{${attribute.value.value}}")`,
      allowed: `a literal text value, such as ${name}="..."`,
    });
    return;
  }
  if (spec && attribute.value === null) {
    violations.push({
      ...where,
      message: `an attribute "${name}" without a value on <${element}>`,
      allowed: `a literal text value, such as ${name}="..."`,
    });
    return;
  }
  if (spec && !spec.attributes.includes(name)) {
    violations.push({
      ...where,
      message: `an unknown attribute "${name}" on <${element}>`,
      allowed: `on <${element}>: ${spec.attributes.join(', ')}`,
    });
    return;
  }
  if (!spec && name !== 'title') {
    violations.push({
      ...where,
      message: `an attribute "${name}" on <${element}>`,
      allowed: `plain <${element}> without attributes (title is allowed)`,
    });
    return;
  }
  const allowedValues = spec?.values[name];
  if (allowedValues && !allowedValues.includes(String(attribute.value))) {
    violations.push({
      ...where,
      message: `the value "${String(attribute.value)}" of "${name}" on <${element}>`,
      allowed: allowedValues.map((value) => `${name}="${value}"`).join(' or '),
    });
    return;
  }
  if (spec?.images?.includes(name) && typeof attribute.value === 'string' && !isAllowedImage(attribute.value)) {
    violations.push({
      ...where,
      message: `an image address "${attribute.value}" in "${name}" on <${element}>`,
      allowed: allowedImages,
    });
  } else if (spec?.urls.includes(name) && typeof attribute.value === 'string' && !isAllowedLink(attribute.value)) {
    violations.push({
      ...where,
      message: `a URL "${attribute.value}" in "${name}" on <${element}>`,
      allowed: allowedLinks,
    });
  }
}

/** The deepest node of a tree, found without recursion so that no depth can overflow the stack. */
function deepestNode(tree: Root): { depth: number; node: RootContent | Root } {
  let deepest: { depth: number; node: RootContent | Root } = { depth: 0, node: tree };
  const stack: { depth: number; node: RootContent | Root }[] = [{ depth: 0, node: tree }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item.depth > deepest.depth) deepest = item;
    if ('children' in item.node) {
      for (const child of item.node.children) stack.push({ depth: item.depth + 1, node: child });
    }
  }
  return deepest;
}

/**
 * Lists everything in an MDX tree that a contributed entry may not contain: imports and exports,
 * `{expressions}`, components off the allow-list, HTML that can carry behaviour, event handlers,
 * links and images other than `isAllowedLink` and `isAllowedImage` accept, code blocks with an
 * unknown label, and nesting deeper than `nestingLimits.tree`. Runs on the syntax tree, so
 * nothing in the entry has been executed when it reports.
 */
export function findUnsafeMdx(tree: Root): Violation[] {
  const deepest = deepestNode(tree);
  if (deepest.depth > nestingLimits.tree) {
    // Walking a tree this deep could itself overflow the stack: report it alone.
    return [
      {
        ...at(deepest.node),
        message: `nesting ${deepest.depth} levels deep (lists, quotes or elements inside each other)`,
        allowed: `at most ${nestingLimits.tree} levels: flatten the lists or split the text`,
      },
    ];
  }
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node) => {
    definitions.set(node.identifier, node);
  });
  const violations: Violation[] = [];
  visit(tree, (node) => {
    if (node.type === 'root') return;
    const where = at(node);
    switch (node.type) {
      case 'mdxjsEsm':
        violations.push({
          ...where,
          message: `an import or export ("${node.value.split('\n')[0]}")`,
          allowed: `prose, Markdown and the components ${componentList}, which need no import`,
        });
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        violations.push({
          ...where,
          message: `a {…} expression ("{${node.value}}")`,
          allowed: 'plain text; to show braces, escape them as \\{ and \\}',
        });
        return;
      case 'html':
        violations.push({
          ...where,
          message: `raw HTML ("${node.value.slice(0, 40)}")`,
          allowed: `Markdown, or the components ${componentList}`,
        });
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        const spec = allowedComponents.get(name);
        if (!spec && !allowedElements.has(name)) {
          const [closest] = closestIds(
            name,
            [...allowedComponents.keys()].map((component) => ({ id: component.toLowerCase() })),
            1,
          );
          const suggestion = [...allowedComponents.keys()].find((component) => component.toLowerCase() === closest);
          violations.push({
            ...where,
            message:
              name === ''
                ? 'a fragment <>…</>'
                : behaviourElements.has(name.toLowerCase())
                  ? `the element <${name}> (it can run code or load other pages)`
                  : `the element or component <${name}>`,
            allowed: suggestion
              ? `did you mean <${suggestion}>? Allowed: ${componentList}`
              : `the components ${componentList} and plain ${[...allowedElements].map((element) => `<${element}>`).join(', ')}`,
          });
          return;
        }
        for (const attribute of node.attributes) checkAttribute(name, attribute, spec, where, violations);
        const given = new Set(node.attributes.map((attribute) => ('name' in attribute ? attribute.name : '')));
        const missing = spec?.required.filter((required) => !given.has(required)) ?? [];
        if (missing.length > 0) {
          violations.push({
            ...where,
            message: `<${name}> without ${missing.map((required) => `"${required}"`).join(' and ')}`,
            allowed: `<${name} ${spec?.required.map((required) => `${required}="..."`).join(' ')}>`,
          });
        }
        return;
      }
      case 'link':
      case 'definition':
        if (!isAllowedLink(node.url)) {
          violations.push({ ...where, message: `a link to "${node.url}"`, allowed: allowedLinks });
        }
        return;
      case 'image':
        if (!isAllowedImage(node.url)) {
          violations.push({ ...where, message: `an image from "${node.url}"`, allowed: allowedImages });
        }
        return;
      case 'imageReference': {
        const url = definitions.get(node.identifier)?.url;
        if (url !== undefined && !isAllowedImage(url)) {
          violations.push({ ...where, message: `an image from "${url}"`, allowed: allowedImages });
        }
        return;
      }
      case 'code':
        if ((node.lang != null && !codeLanguages.has(node.lang)) || (node.meta != null && node.meta !== '')) {
          violations.push({
            ...where,
            message: `a code block labelled "${[node.lang, node.meta].filter(Boolean).join(' ')}"`,
            allowed: `a code block with no label (plain text) or one of the labels ${[...codeLanguages].join(', ')}, alone on the line`,
          });
        }
        return;
      default:
        return;
    }
  });
  return violations;
}
