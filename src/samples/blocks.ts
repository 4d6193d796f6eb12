/** Moved to the core: the template definitions are the one source for samples and templates. */
export * from '../core/templates/blocks';
