import Feature from 'ol/Feature.js';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import Attribution from 'ol/control/Attribution.js';
import Zoom from 'ol/control/Zoom.js';
import { boundingExtent } from 'ol/extent.js';
import Point from 'ol/geom/Point.js';
import DoubleClickZoom from 'ol/interaction/DoubleClickZoom.js';
import DragPan from 'ol/interaction/DragPan.js';
import KeyboardPan from 'ol/interaction/KeyboardPan.js';
import KeyboardZoom from 'ol/interaction/KeyboardZoom.js';
import MouseWheelZoom from 'ol/interaction/MouseWheelZoom.js';
import PinchZoom from 'ol/interaction/PinchZoom.js';
import TileLayer from 'ol/layer/Tile.js';
import VectorLayer from 'ol/layer/Vector.js';
import { fromLonLat } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import XYZ from 'ol/source/XYZ.js';
import CircleStyle from 'ol/style/Circle.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Style from 'ol/style/Style.js';
import 'ol/ol.css';
import {
  glideMilliseconds,
  interpolate,
  markerAttribute,
  POSITION_EVENT,
  type MapConfig,
  type MapPoint,
} from './map-config.ts';

const accent = () =>
  getComputedStyle(document.documentElement).getPropertyValue('--brand-accent').trim() || '#0a5ad4';

function markerStyle(kind: 'location' | 'technician'): Style {
  const colour = kind === 'location' ? '#1f2933' : accent();
  return new Style({
    image: new CircleStyle({
      radius: kind === 'location' ? 7 : 10,
      fill: new Fill({ color: colour }),
      stroke: new Stroke({ color: '#ffffff', width: 3 }),
    }),
  });
}

const toMap = (point: MapPoint) => fromLonLat([point.lng, point.lat]);

export function mountMap(canvas: HTMLElement) {
  const config = JSON.parse(canvas.dataset.map ?? 'null') as MapConfig | null;
  if (!config) return;
  // A live update may have come before the map loaded.
  const live = canvas.dataset.livePosition;
  if (live !== undefined) config.technician = JSON.parse(live) as MapPoint | null;
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  const markers = new VectorSource();

  if (config.location) {
    const location = new Feature(new Point(toMap(config.location)));
    location.setStyle(markerStyle('location'));
    markers.addFeature(location);
  }
  let shown: MapPoint | null = config.technician;
  const technician = new Feature(
    config.technician ? new Point(toMap(config.technician)) : undefined,
  );
  technician.setStyle(markerStyle('technician'));
  markers.addFeature(technician);

  const points = [config.location, config.technician].filter((p): p is MapPoint => p !== null);
  if (points.length === 0) return;
  const view = new View({ center: toMap(points[0]!), zoom: 15, maxZoom: 19 });
  const map = new OlMap({
    target: canvas,
    view,
    layers: [
      new TileLayer({
        source: new XYZ({
          url: config.tileUrl,
          attributions: config.attribution,
          crossOrigin: null,
        }),
      }),
      new VectorLayer({ source: markers }),
    ],
    controls: [new Zoom(), new Attribution({ collapsible: false })],
    interactions: [
      new DragPan(),
      new PinchZoom(),
      new DoubleClickZoom(),
      new MouseWheelZoom(),
      new KeyboardPan(),
      new KeyboardZoom(),
    ],
  });
  if (points.length > 1) {
    view.fit(boundingExtent(points.map(toMap)), { padding: [48, 48, 48, 48], maxZoom: 16 });
  }
  canvas.classList.add('map-ready');
  canvas.dataset.technicianAt = markerAttribute(config.technician);

  let frame = 0;
  function moveTo(next: MapPoint | null) {
    cancelAnimationFrame(frame);
    if (!next) {
      // Unknown or stale: no marker rather than one in the wrong place.
      technician.setGeometry(undefined);
      shown = null;
      canvas.dataset.technicianAt = '';
      return;
    }
    const from = shown ?? next;
    const duration = glideMilliseconds(reducedMotion.matches);
    const started = performance.now();
    const step = (now: number) => {
      const progress = duration === 0 ? 1 : (now - started) / duration;
      const at = interpolate(from, next, progress);
      const geometry = technician.getGeometry();
      if (geometry) geometry.setCoordinates(toMap(at));
      else technician.setGeometry(new Point(toMap(at)));
      shown = at;
      if (progress < 1) frame = requestAnimationFrame(step);
      // Where the marker rests, for anyone (or any test) reading the page.
      else canvas.dataset.technicianAt = markerAttribute(next);
    };
    frame = requestAnimationFrame(step);
  }

  document.addEventListener(POSITION_EVENT, (event) => {
    moveTo((event as CustomEvent<MapPoint | null>).detail);
  });
  return map;
}
