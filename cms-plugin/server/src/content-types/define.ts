/** Attributes shared by the content types. */
export const externalId = { type: 'string', unique: true, column: { unique: true } } as const;

export const manyToOne = (target: string) =>
  ({ type: 'relation', relation: 'manyToOne', target: `plugin::enroute.${target}` }) as const;

type Definition = {
  singularName: string;
  pluralName: string;
  displayName: string;
  description?: string;
  kind?: 'collectionType' | 'singleType';
  /** Translated per locale with Strapi's i18n. */
  localized?: boolean;
  /** Shown in the Content Manager. */
  visible?: boolean;
  attributes: Record<string, Record<string, unknown>>;
  /** Shown but not editable in the Content Manager (kept by the plugin itself). */
  readOnly?: string[];
};

/**
 * A content type schema as Strapi reads it, without draft and publish. Private attributes
 * (secrets, token hashes, unmasked recipients) are in no answer: Strapi leaves them out of its
 * content API, and `hidden` out of the Content Manager's (as Strapi does for an admin's reset
 * token).
 */
export function defineContentType(definition: Definition) {
  const { singularName, pluralName, displayName, description = '', attributes } = definition;
  const hidden = Object.keys(attributes).filter((name) => attributes[name]?.['private'] === true);
  return {
    kind: definition.kind ?? 'collectionType',
    collectionName: `enroute_${pluralName.replaceAll('-', '_')}`,
    info: { singularName, pluralName, displayName, description },
    options: { draftAndPublish: false },
    pluginOptions: {
      'content-manager': { visible: definition.visible ?? true },
      'content-type-builder': { visible: false },
      ...(definition.localized ? { i18n: { localized: true } } : {}),
    },
    attributes,
    config: {
      attributes: Object.fromEntries(hidden.map((name) => [name, { hidden: true }])),
      metadatas: Object.fromEntries(
        (definition.readOnly ?? []).map((name) => [name, { edit: { editable: false } }]),
      ),
    },
  };
}
