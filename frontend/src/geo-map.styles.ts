// The look of <geo-map>'s own parts over the map: tooltip, the list a click on a crowd opens, the quarter
// swipe's divider, and the message about a wrong property. Larger in presentation mode (a projector).
import { css, unsafeCSS } from 'lit';
import olCss from 'ol/ol.css';

export const geoMapStyles = [
  unsafeCSS(olCss),
  css`
    :host { display: block; position: relative; width: 100%; height: 100%; background: #f4f6f8; }
    #map { position: absolute; inset: 0; }
    .tooltip {
      background: rgba(255, 255, 255, 0.95); border: 1px solid #667; border-radius: 4px;
      padding: 2px 6px; font: 14px/1.4 system-ui, "Noto Sans CJK SC", sans-serif; white-space: nowrap;
      pointer-events: none; transform: translate(10px, -50%);
    }
    :host([presentation]) .tooltip { font-size: 22px; }
    :host([presentation]) .ol-scale-line-inner { font-size: 20px; }
    .pick-list {
      background: #fff; border: 1px solid #556; border-radius: 6px; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.3);
      font: 14px/1.4 system-ui, "Noto Sans CJK SC", sans-serif; max-height: 260px; overflow-y: auto; min-width: 180px;
      padding: 4px 0; transform: translate(12px, 0);
    }
    .pick-list .pick-title { padding: 2px 10px; color: #444; font-weight: 600; }
    .pick-list button {
      display: block; width: 100%; text-align: left; border: none; background: none; padding: 4px 10px;
      font: inherit; cursor: pointer; white-space: nowrap;
    }
    .pick-list button:hover, .pick-list button:focus { background: #e6eef8; }
    :host([presentation]) .pick-list { font-size: 22px; max-height: 420px; }
    .swipe { position: absolute; top: 0; bottom: 0; width: 0; z-index: 3; pointer-events: none; }
    .swipe::before { content: ""; position: absolute; top: 0; bottom: 0; left: -2px; width: 4px; background: #fff; box-shadow: 0 0 0 1px #333; }
    .swipe-knob {
      position: absolute; top: 50%; left: -18px; width: 36px; height: 36px; margin-top: -18px; border-radius: 50%;
      background: #fff; border: 2px solid #333; display: flex; align-items: center; justify-content: center;
      font: 700 18px system-ui, sans-serif; cursor: ew-resize; pointer-events: auto; touch-action: none;
    }
    .swipe-label {
      position: absolute; top: 10px; white-space: nowrap; background: rgba(255,255,255,0.92); border: 1px solid #333;
      border-radius: 4px; padding: 1px 8px; font: 600 15px system-ui, "Noto Sans CJK SC", sans-serif;
    }
    .swipe-label.left { right: 10px; }
    .swipe-label.right { left: 10px; }
    :host([presentation]) .swipe-label { font-size: 24px; }
    .property-errors {
      position: absolute; top: 12px; left: 50%; transform: translateX(-50%); z-index: 5; max-width: min(90%, 720px);
      background: #fff; border: 2px solid #b00020; border-radius: 6px; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.3);
      padding: 6px 12px; color: #5c0010; font: 15px/1.5 system-ui, "Noto Sans CJK SC", sans-serif;
    }
    .property-errors p { margin: 4px 0; }
    :host([presentation]) .property-errors { font-size: 22px; }
    :host([presentation]) .swipe-knob { width: 52px; height: 52px; left: -26px; margin-top: -26px; font-size: 26px; }
  `,
];
