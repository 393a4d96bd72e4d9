/**
 * The clinic's knowledge base: Markdown documents staff maintain, split into chunks and
 * searched by full text (BM25) and sentence vectors, fused by rank. Answers patients'
 * questions from what was retrieved, with the source, and says nothing when nothing
 * relevant was found.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge")
package io.smiledesk.knowledge;
