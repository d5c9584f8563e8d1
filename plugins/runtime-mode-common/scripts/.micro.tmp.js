require('@backstage/cli/config/nodeTransform.cjs');
const { evaluate } = require('../src');
const src=require('fs').readFileSync(__dirname+'/bench.js','utf8');
const fn=new Function('require', src.slice(src.indexOf('function componentManifests'), src.indexOf('function corpusFiles'))+'; return componentManifests;')(require);
const estate=Array.from({length:3000},(_,i)=>fn(i));
for(let k=0;k<15;k++) for(const fs of estate)evaluate({manifests:fs,options:{targets:{k8s:'1.34',kubevirt:'1.6.0'}}});
