/**
 * Prepositions that make the capitalised word after them a place, a medium or a thing, not a
 * person ("v Pjongjangu", "za BBC"), as a regular expression source to build patterns with.
 */
export const PREPOSITIONS = '(?:v|na|iz|pri|proti|do|od|s|z|k|h|o|po|za|med|pred|nad|pod|ob)';
