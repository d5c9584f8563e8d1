require('@backstage/cli/config/nodeTransform.cjs');
const fs=require('fs'),path=require('path');const { evaluate } = require('../src');
const dir='/work/shared/corpus';const files=[];
const walk=d=>{for(const e of fs.readdirSync(d,{withFileTypes:true})){const p=path.join(d,e.name);if(e.isDirectory())walk(p);else if(/\.(ya?ml|json)$/.test(e.name))files.push({path:p,content:fs.readFileSync(p,'utf8')});}};walk(dir);
for(let k=0;k<40;k++)for(const f of files)evaluate({manifests:[f],options:{targets:{k8s:'1.34',kubevirt:'1.6.0'}}});
