import { describe, expect, it } from 'vitest';
import { isPreactInnerHtml } from '../../scripts/lint-firefox.mjs';

// Columns are 1-based, as the linter reports them. The one web-ext lint warning the store check accepts is Preact's dangerouslySetInnerHTML assignment;
// the check must tell it apart from any other innerHTML.
const PREACT =
  'for(c in w)h=w[c],c=="children"?l=h:c=="dangerouslySetInnerHTML"?u=h:c=="value"?g=h:0;if(u)a||y&&(u.__html==y.__html||u.__html==e.innerHTML)||(e.innerHTML=u.__html),t.__k=[];';

describe('the web-ext lint allowance', () => {
  it("accepts Preact's dangerouslySetInnerHTML path where the linter points", () => {
    expect(isPreactInnerHtml(PREACT, 1, PREACT.indexOf('e.innerHTML=u.__html') + 1)).toBe(true);
    expect(isPreactInnerHtml(PREACT, 1, PREACT.indexOf('e.innerHTML)') + 1)).toBe(false); // a read, not the assignment
  });

  it('rejects any other innerHTML assignment, even in the same bundle', () => {
    const other = `${PREACT}badge.innerHTML=message;`;
    expect(isPreactInnerHtml(other, 1, other.indexOf('badge.innerHTML') + 1)).toBe(false);
    expect(isPreactInnerHtml('el.innerHTML=x.__html', 1, 1)).toBe(false); // not Preact: no dangerouslySetInnerHTML
    expect(isPreactInnerHtml(PREACT, 2, 10)).toBe(false);
  });
});
