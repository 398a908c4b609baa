/* eslint-disable no-undef, @typescript-eslint/no-require-imports */
// Webpack config in the shape of Microsoft's Office add-in templates (Excel-Custom-Functions-Shared
// merged with Office-Addin-TaskPane-React): one page, one shared runtime, three entry chunks.
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { createHash } = require("crypto");
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");

/**
 * functions.json as custom-functions-metadata-plugin generates it, plus the one property the
 * generator cannot write: `allowErrorForDataTypeAny`, so an Excel error in one input row reaches
 * the function (which returns it in that row) instead of failing the whole call. The docs say
 * this property works only in hand-written metadata ("Errors as custom function inputs",
 * custom-functions-errors.md; custom-functions-json.md#allowerrorfordatatypeany): this step
 * makes the built file that hand-written metadata. test/manifest/functions-json.test.ts checks it.
 */
class FunctionsJsonPatch {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionsJsonPatch", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsJsonPatch", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const meta = JSON.parse(asset.source.source().toString());
          compilation.updateAsset(
            "functions.json",
            new webpack.sources.RawSource(
              JSON.stringify({ ...meta, allowErrorForDataTypeAny: true }, null, 2)
            )
          );
        }
      );
    });
  }
}

/**
 * Writes `.production-build` in the output folder when a production build has written it, dated
 * when the build started: the browser tests (test/browser/harness.ts ensureBuild) use dist/ as it
 * is when no file under src/ is newer than that, instead of building again after `npm run build`.
 * A later build removes it (output.clean) before it writes anything.
 */
class ProductionBuildStamp {
  apply(compiler) {
    let started = new Date();
    compiler.hooks.compile.tap("ProductionBuildStamp", () => {
      started = new Date();
    });
    compiler.hooks.done.tap("ProductionBuildStamp", (stats) => {
      if (stats.hasErrors()) return;
      const stamp = path.join(compiler.outputPath, ".production-build");
      fs.writeFileSync(stamp, "");
      // a source saved during the build makes the next check build again
      fs.utimesSync(stamp, started, started);
    });
  }
}

const urlDev = "https://localhost:3000/";
// Where the production build is hosted; set KAP_PUBLIC_URL when deploying.
const urlProd = process.env.KAP_PUBLIC_URL || "https://kap.example.com/";

async function getHttpsOptions() {
  // Only `webpack serve` needs a trusted dev certificate; builds and tests never ask for one.
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const config = {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      // Chunks the functions load lazily (KAP.CLV's forecast) sit beside the page: a relative public
      // path, so the bundle needs no script-tag lookup when it starts (the automatic one throws there).
      functions: { import: "./src/functions/functions.ts", publicPath: "" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      // dist/cli holds the `kap` bundle (scripts/build-cli.mjs): kept.
      clean: { keep: /^cli[\\/]/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    performance: { hints: false },
    // Modules and minified chunks kept between builds (node_modules/.cache/webpack, one file per
    // checkout and mode): the manifest tests build again after `npm run build` with their own
    // public URL, and from this cache that costs about 7 s of CPU instead of 65. The public URL is
    // only in the copied manifests, which copy-webpack-plugin transforms again at every build.
    cache: {
      type: "filesystem",
      name: `${dev ? "development" : "production"}-${createHash("sha256").update(__dirname).digest("hex").slice(0, 8)}`,
      buildDependencies: { config: [__filename] },
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new FunctionsJsonPatch(),
      ...(dev ? [] : [new ProductionBuildStamp()]),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext][query]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              if (dev) return content;
              // File URLs keep their path; AppDomain entries are bare origins (no trailing slash).
              return content
                .toString()
                .replace(new RegExp(urlDev, "g"), urlProd)
                .replace(new RegExp(urlDev.slice(0, -1), "g"), new URL(urlProd).origin);
            },
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving
        ? {
            type: "https",
            options: options.https !== undefined ? options.https : await getHttpsOptions(),
          }
        : undefined,
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };
  return config;
};
