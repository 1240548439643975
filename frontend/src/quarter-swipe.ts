// A swipe between two quarters on one map: layers of the compared quarter are drawn left of a divider a
// person drags, those of the selected quarter right of it (after OpenLayers' layer-swipe example). The
// divider carries the two quarters' names, so nobody has to guess which side is which.
import type OlMap from 'ol/Map.js';
import type BaseLayer from 'ol/layer/Base.js';
import type Layer from 'ol/layer/Layer.js';
import type RenderEvent from 'ol/render/Event.js';
import { getRenderPixel } from 'ol/render.js';

export class QuarterSwipe {
  /** Where the divider stands, as a share of the map's width from the left. */
  private fraction = 0.5;
  private active = false;

  constructor(private readonly map: OlMap, private readonly handle: HTMLElement) {
    const knob = handle.querySelector('.swipe-knob') as HTMLElement;
    knob.addEventListener('pointerdown', (down) => {
      down.preventDefault();
      knob.setPointerCapture(down.pointerId);
      const move = (e: PointerEvent) => this.moveTo(e.clientX);
      const up = () => {
        knob.removeEventListener('pointermove', move);
        knob.removeEventListener('pointerup', up);
      };
      knob.addEventListener('pointermove', move);
      knob.addEventListener('pointerup', up);
    });
    // Keyboard: the divider moves by a tenth of the map with the arrow keys.
    knob.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        e.preventDefault();
        this.setFraction(this.fraction + (e.key === 'ArrowLeft' ? -0.1 : 0.1));
      }
    });
  }

  /** Shows or hides the divider; the labels name the left (compared) and right (selected) quarters. */
  setActive(active: boolean, left: string, right: string) {
    this.active = active;
    this.handle.hidden = !active;
    (this.handle.querySelector('.swipe-label.left') as HTMLElement).textContent = `◀ ${left}`;
    (this.handle.querySelector('.swipe-label.right') as HTMLElement).textContent = `${right} ▶`;
    this.place();
    this.map.render();
  }

  isActive(): boolean {
    return this.active;
  }

  /** While the swipe is on, this layer is drawn only left of the divider. */
  clipLeft(layer: BaseLayer) {
    this.clip(layer, 'left');
  }

  /** While the swipe is on, this layer is drawn only right of the divider. */
  clipRight(layer: BaseLayer) {
    this.clip(layer, 'right');
  }

  private clip(layer: BaseLayer, side: 'left' | 'right') {
    let clipped = false;
    const drawn = layer as Layer;
    drawn.on('prerender', (event: RenderEvent) => {
      clipped = this.active;
      if (!clipped) {
        return;
      }
      const context = event.context as CanvasRenderingContext2D;
      const [width = 0, height = 0] = this.map.getSize() ?? [];
      const x = width * this.fraction;
      const [from, to] = side === 'left' ? [0, x] : [x, width];
      context.save();
      context.beginPath();
      [[from, 0], [from, height], [to, height], [to, 0]].forEach((corner, i) => {
        const [px = 0, py = 0] = getRenderPixel(event, corner);
        if (i === 0) context.moveTo(px, py); else context.lineTo(px, py);
      });
      context.closePath();
      context.clip();
    });
    drawn.on('postrender', (event: RenderEvent) => {
      if (clipped) {
        (event.context as CanvasRenderingContext2D).restore();
      }
    });
  }

  private moveTo(clientX: number) {
    const box = this.map.getTargetElement()?.getBoundingClientRect();
    if (box && box.width > 0) {
      this.setFraction((clientX - box.left) / box.width);
    }
  }

  private setFraction(fraction: number) {
    this.fraction = Math.min(0.95, Math.max(0.05, fraction));
    this.place();
    this.map.render();
  }

  private place() {
    this.handle.style.left = `${this.fraction * 100}%`;
  }
}
