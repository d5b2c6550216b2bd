import Markdown from 'react-markdown';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';

/**
 * A module's README: Markdown (GitHub's flavour: tables, task lists) written by whoever published
 * the module, so untrusted. Its HTML is parsed (rehype-raw) and then sanitized with GitHub's own
 * allow-list (rehype-sanitize's default schema): scripts, event handlers, styles and
 * `javascript:` links are dropped, ids are prefixed so they cannot clobber the page's. React
 * renders the result as elements, never as an HTML string.
 */
export function Readme({ markdown }: { markdown: string }) {
  if (!markdown.trim()) return <p className="meta">This version has no README.</p>;
  return (
    <div className="readme" data-testid="readme">
      <Markdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[rehypeRaw, [rehypeSanitize, defaultSchema]]}
        components={{
          // The page has its h1 (the module) and h2 (this section): the README's headings sit below them.
          h1: 'h3',
          h2: 'h4',
          h3: 'h5',
          h4: 'h6',
        }}
      >
        {markdown}
      </Markdown>
    </div>
  );
}
