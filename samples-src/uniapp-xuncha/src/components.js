// Stand-ins for uni-app's H5 built-in components: custom elements, two of them rendering through an
// open shadow root as Web Components do (uni-image, uni-button). Text stays in the light DOM (slots).
class UniView extends HTMLElement {}
class UniText extends HTMLElement {}

class UniImage extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = '<style>:host{display:inline-block;overflow:hidden}div{width:100%;height:100%;background-size:cover;background-position:center}img{display:none}</style><div></div><img>';
    const src = this.getAttribute('src') ?? '';
    root.querySelector('div').style.backgroundImage = `url("${src}")`;
    root.querySelector('img').src = src;
  }
}

class UniButton extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = '<style>:host{display:block;margin:16px;padding:11px 0;border-radius:5px;text-align:center;font-size:18px;background:#f8f8f8;color:#000}:host([type=primary]){background:#007aff;color:#fff}</style><slot></slot>';
  }
}

customElements.define('uni-view', UniView);
customElements.define('uni-text', UniText);
customElements.define('uni-image', UniImage);
customElements.define('uni-button', UniButton);
