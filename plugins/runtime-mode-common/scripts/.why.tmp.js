require('@backstage/cli/config/nodeTransform.cjs');
const fs=require('fs'),path=require('path');const jsYaml=require('js-yaml');
const dir='/work/shared/corpus';const files=[];
const walk=d=>{for(const e of fs.readdirSync(d,{withFileTypes:true})){const p=path.join(d,e.name);if(e.isDirectory())walk(p);else if(/\.(ya?ml|json)$/.test(e.name))files.push([p,fs.readFileSync(p,'utf8')]);}};walk(dir);
const A=/(?:^|[\s[{,])[&*][A-Za-z0-9_][^\s,\]}]*(?=[\s,\]}]|$)/m, U=/^[ \t-]*\{\{|[:[{,][ \t]*\{\{/m, D=/^%|^(?:---|\.\.\.)[ \t]*[^\s#]|^\.\.\./m;
const c={};for(const [p,t] of files){let why='fast';let ok=true;try{jsYaml.loadAll(t,()=>{},{schema:jsYaml.CORE_SCHEMA,json:true})}catch{ok=false}
 if(D.test(t))why='directive';else if(A.test(t)){why='anchor';const m=t.match(A);if(ok)console.log('anchor',p.slice(25),JSON.stringify(m[0]));}else if(U.test(t))why='template';else if(/kind:\s*"?(\w*List|Template)"?\s*$/m.test(t))why='list';
 const k=why+(ok?'':'(jsyaml-fails)');c[k]=(c[k]||0)+1;}
console.log(c);
