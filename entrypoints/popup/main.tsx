import { render } from 'preact';

render(<h1>Gloss</h1>, document.getElementById('app') as HTMLElement);
